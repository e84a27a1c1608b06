"""`python -m honours` is the command line."""

from honours.cli import main

raise SystemExit(main())
