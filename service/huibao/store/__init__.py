"""Stored offices, series and documents (SQLAlchemy 2 + Alembic; SQLite by default, PostgreSQL by URL).

db: engine and sessions; models: tables; offices, documents, periods, finalize, transfer, tokens:
what the API, CLI and web pages do with them; migrations/: the schema's history.
"""
