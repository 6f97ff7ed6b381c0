"""sandbox namespaces, command log, practice progress

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "sandbox_namespaces",
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("namespace", sa.String(length=63), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["learner_id"], ["learners.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("learner_id"),
        sa.UniqueConstraint("namespace"),
    )
    with op.batch_alter_table("sandbox_namespaces") as batch_op:
        batch_op.create_index("ix_sandbox_namespaces_last_used_at", ["last_used_at"])
    op.create_table(
        "command_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("command", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["learner_id"], ["learners.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("command_log") as batch_op:
        batch_op.create_index("ix_command_log_at", ["at"])
        batch_op.create_index("ix_command_log_learner_at", ["learner_id", "at"])
    op.create_table(
        "practice_progress",
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("lesson_id", sa.String(length=64), nullable=False),
        sa.Column("step_id", sa.String(length=64), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["learner_id"], ["learners.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("learner_id", "lesson_id", "step_id"),
    )


def downgrade() -> None:
    op.drop_table("practice_progress")
    with op.batch_alter_table("command_log") as batch_op:
        batch_op.drop_index("ix_command_log_learner_at")
        batch_op.drop_index("ix_command_log_at")
    op.drop_table("command_log")
    with op.batch_alter_table("sandbox_namespaces") as batch_op:
        batch_op.drop_index("ix_sandbox_namespaces_last_used_at")
    op.drop_table("sandbox_namespaces")
