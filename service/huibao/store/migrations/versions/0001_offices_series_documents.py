"""Offices, series, documents with revisions, renditions and 发文字号 serials.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "offices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("self_reference", sa.String(200)),
        sa.Column("recipient", sa.String(200)),
        sa.Column("signature", sa.String(200)),
        sa.Column("issuer", sa.String(200)),
        sa.Column("code", sa.String(50)),
        sa.Column("keep", JSON, nullable=False),
        sa.Column("glossary", JSON, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
    )
    op.create_table(
        "series",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "office_id", sa.Integer, sa.ForeignKey("offices.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(50), nullable=False),
        sa.Column("title_pattern", sa.String(200)),
        sa.Column("cadence", sa.String(10), nullable=False),
        sa.Column("issue", sa.Integer, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
    )
    op.create_index("ix_series_office_id", "series", ["office_id"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "office_id", sa.Integer, sa.ForeignKey("offices.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("series_id", sa.Integer, sa.ForeignKey("series.id", ondelete="SET NULL")),
        sa.Column("issue", sa.Integer),
        sa.Column("kind", sa.String(50), nullable=False),
        sa.Column("title", sa.String(200)),
        sa.Column("facts", JSON, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("serial", sa.Integer),
        sa.Column("year", sa.Integer),
        sa.Column("number", sa.String(100)),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.Column("finalized_at", WHEN),
    )
    op.create_index("ix_documents_series_issue", "documents", ["series_id", "issue"])
    op.create_index("ix_documents_office_updated", "documents", ["office_id", "updated_at"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("based_on", sa.Integer),
        sa.Column("conflict", sa.Boolean, nullable=False),
        sa.Column("facts", JSON, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
    )
    op.create_index("ix_revisions_document", "revisions", ["document_id", "id"])
    op.create_table(
        "renditions",
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("docx", sa.LargeBinary, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    op.create_table(
        "serials",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "office_id", sa.Integer, sa.ForeignKey("offices.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("last", sa.Integer, nullable=False),
        sa.UniqueConstraint("office_id", "year"),
    )


def downgrade() -> None:
    for table in ("serials", "renditions", "revisions", "documents", "series", "offices"):
        op.drop_table(table)
