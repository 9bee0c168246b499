"""One module per ``iwpr`` command, each defining ``command``; imported lazily by ``iwpr_extract.cli``."""
