"""Chain of identity: donors, collections, batches, identifiers, storage, shipments, hospital
receipt, bedside, disposal, recall, genealogy and the trace.
"""
