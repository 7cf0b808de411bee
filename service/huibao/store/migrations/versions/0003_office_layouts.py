"""An office's own .docx layout template (one per office, replaced by a new upload).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_layouts",
        sa.Column(
            "office_id", sa.Integer, sa.ForeignKey("offices.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("docx", sa.LargeBinary, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(200), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("office_layouts")
