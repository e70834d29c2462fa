"""The GMP terms CellTrail uses, each with its one Chinese rendering.

The domain catalogues (``zh.py``) and the Qt translations (``resources/translations``)
follow this list; a test fails when a term is translated two ways.
"""

# English term → Chinese term
GLOSSARY: dict[str, str] = {}
