"""review cards, review logs, review reminders

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "review_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("lesson_id", sa.String(length=64), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("stability", sa.Float(), nullable=True),
        sa.Column("difficulty", sa.Float(), nullable=True),
        sa.Column("due", sa.DateTime(), nullable=False),
        sa.Column("last_review", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["learner_id"], ["learners.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "learner_id", "kind", "lesson_id", "item_id", name="uq_review_cards_item"
        ),
    )
    with op.batch_alter_table("review_cards") as batch_op:
        batch_op.create_index("ix_review_cards_learner_due", ["learner_id", "due"])
    op.create_table(
        "review_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["card_id"], ["review_cards.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["learner_id"], ["learners.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_logs") as batch_op:
        batch_op.create_index("ix_review_logs_card_id", ["card_id"])
        batch_op.create_index("ix_review_logs_learner_at", ["learner_id", "reviewed_at"])
    op.create_table(
        "review_reminders",
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("remind_at", sa.Time(), nullable=True),
        sa.Column("quiet_start", sa.Time(), nullable=True),
        sa.Column("quiet_end", sa.Time(), nullable=True),
        sa.Column("daily_cap", sa.Integer(), nullable=False),
        sa.Column("last_prompted_on", sa.Date(), nullable=True),
        sa.Column("next_prompt_at", sa.DateTime(), nullable=True),
        sa.Column("session_left", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["learner_id"], ["learners.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("learner_id"),
    )
    with op.batch_alter_table("review_reminders") as batch_op:
        batch_op.create_index("ix_review_reminders_next_prompt_at", ["next_prompt_at"])


def downgrade() -> None:
    with op.batch_alter_table("review_reminders") as batch_op:
        batch_op.drop_index("ix_review_reminders_next_prompt_at")
    op.drop_table("review_reminders")
    with op.batch_alter_table("review_logs") as batch_op:
        batch_op.drop_index("ix_review_logs_learner_at")
        batch_op.drop_index("ix_review_logs_card_id")
    op.drop_table("review_logs")
    with op.batch_alter_table("review_cards") as batch_op:
        batch_op.drop_index("ix_review_cards_learner_due")
    op.drop_table("review_cards")
