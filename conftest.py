"""pytest at the repository root: the Dask module is only collected (doctests) when Dask is installed."""

from importlib.util import find_spec

collect_ignore = [] if find_spec("dask") else ["iwpr_extract/dask.py"]
