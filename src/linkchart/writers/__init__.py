"""Writing a chart: one module per format, each making the file's text or bytes (``dumps``).

:mod:`.formats` holds the one table of formats (:data:`~.formats.FORMATS`) and
:func:`~.formats.export`; :mod:`.yaml` and :mod:`.csv` linkchart's own graph file and CSV
folder; :mod:`.graphml`, :mod:`.gexf`, :mod:`.nodelink`, :mod:`.xlsx` and :mod:`.stix`
other tools' formats, all from the plain document of :mod:`._document`, and :mod:`.ftm`
(FollowTheMoney) and :mod:`.gephi` (Gephi's spreadsheet tables) from the records. Reading them back
is :mod:`linkchart.readers` (parsing) and :mod:`linkchart.loading` (validation).
"""

from .csv import write_csv
from .formats import FORMATS, ExportOptions, Format, FormatInfo, export, format_of
from .yaml import write_yaml

__all__ = [
    "FORMATS",
    "ExportOptions",
    "Format",
    "FormatInfo",
    "export",
    "format_of",
    "write_csv",
    "write_yaml",
]
