"""Start the Honours desktop app: `python main.py [--db PATH]`."""

import multiprocessing

from honours.app import main

if __name__ == "__main__":
    # Large index builds compute in worker processes; a frozen (packaged) app must let a
    # worker started from its own executable run the worker instead of a second app.
    multiprocessing.freeze_support()
    raise SystemExit(main())
