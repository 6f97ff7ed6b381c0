"""learners' chat ids and blocks, quiz polls sent by the Telegram bot

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 17:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("learners", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chat_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("blocked_at", sa.DateTime(), nullable=True))
    op.create_table(
        "sent_polls",
        sa.Column("poll_id", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("question_ref", sa.String(length=160), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["learner_id"], ["learners.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("poll_id"),
    )
    with op.batch_alter_table("sent_polls", schema=None) as batch_op:
        batch_op.create_index("ix_sent_polls_learner_id", ["learner_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sent_polls", schema=None) as batch_op:
        batch_op.drop_index("ix_sent_polls_learner_id")
    op.drop_table("sent_polls")
    with op.batch_alter_table("learners", schema=None) as batch_op:
        batch_op.drop_column("blocked_at")
        batch_op.drop_column("chat_id")
