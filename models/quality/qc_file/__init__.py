"""QC results from instrument/LIMS files: columns, text, values, rows, the file parse and the
signed import.
"""
