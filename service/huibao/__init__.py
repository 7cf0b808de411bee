"""huibao: drafts Chinese official work reports from structured facts."""

__version__ = "0.1.0"
