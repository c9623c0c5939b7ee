"""Built-in readers; importing this package registers them."""

from . import text  # noqa: F401
