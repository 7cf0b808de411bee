"""Placeholder, defect and layout checks of finished text and .docx files."""
