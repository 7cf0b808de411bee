"""Facts → neutral document tree: models, kinds, wording, numbering, fact checks."""
