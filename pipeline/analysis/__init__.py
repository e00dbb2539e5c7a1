"""For analysts downstream: the `records_flat` view of a database, exported or summarised.

`export_flat` writes the view to CSV, Parquet or Excel; `render_summary` makes an HTML
overview of a batch (records per metric and per province, a time series).
"""

from pipeline.analysis.database import AnalysisError
from pipeline.analysis.export import FORMATS, export_flat, format_of
from pipeline.analysis.summary import Summary, load_summary, render_summary

__all__ = ["FORMATS", "AnalysisError", "Summary", "export_flat", "format_of", "load_summary",
           "render_summary"]
