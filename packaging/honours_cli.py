"""The frozen command line's entry point (`honours-cli` in the packaged app).

`freeze_support()` must come first: a big import indexes in spawn workers, each started as
this very executable with multiprocessing's arguments. Without it every worker re-ran the
command line, died of a usage error, and the import fell back to one process.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from honours.cli import main

    raise SystemExit(main())
