"""Device-independent label layout, symbol encoding, renderers and printer transports.

A leaf package: it imports nothing else from CellTrail (no models, no GUI, no Qt), so it can
be tested and reused on its own. Typical flow: build a ``LabelContent``, turn it into the
bytes a printer wants with ``payload.make_job``, and hand the job to a ``LabelPrinter`` from
``registry.open_printer`` (usually through a ``queue.PrinterQueue``).
"""
