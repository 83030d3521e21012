"""Tests of walks.py against search logs written by hand: `python3 -m unittest discover -s Benchmarks` (run by
`make test`). Standard library only."""
import contextlib
import io
import os
import subprocess
import sys
import tempfile
import unittest

import walks

HEADER = "elapsed_s,walk,pass,neighbourhood_jobs,kind,index,of,jobs,improved,gain,incumbent\n"
# Pass 1 by program (3 of 3, one improved), by block (2 of 4: stalled), then the re-timing after it (1 of 5).
LOG = HEADER + """0.500,pass,1,10,program,0,3,10,1,100.00,900.00
0.900,pass,1,10,program,1,3,10,0,0.00,900.00
1.200,pass,1,10,program,2,3,4,0,0.00,900.00
1.500,pass,1,10,block,0,4,10,1,90.00,810.00
1.800,pass,1,10,block,1,4,10,0,0.00,810.00
2.500,retiming,1,,,0,5,7,1,81.00,729.00
"""


def run_main(argv):
    """walks.main's exit status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = walks.main(argv)
    return status, out.getvalue(), err.getvalue()


class WalksTests(unittest.TestCase):
    def setUp(self):
        handle, self.path = tempfile.mkstemp(suffix=".csv")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(LOG)

    def tearDown(self):
        os.remove(self.path)

    def test_each_kind_of_a_pass_and_each_retiming_is_a_walk(self):
        status, out, _ = run_main(["walks.py", self.path])
        self.assertEqual(status, 0)
        rows = [line for line in out.splitlines() if line.startswith("| ") and not line.startswith("| walk")]
        self.assertEqual(rows, [
            "| pass 1, program | 10 | 3 / 3 | 1 | 10.00 % | 0.5–1.2 |",
            "| pass 1, block | 10 | 2 / 4 | 1 | 10.00 % | 1.5–1.8 |",
            "| re-timing after pass 1 |  | 1 / 5 | 1 | 10.00 % | 2.5–2.5 |",
        ])
        self.assertIn("6 sub-MIPs in 3 walks", out)

    def test_a_missing_log_exits_66(self):
        status, out, err = run_main(["walks.py", self.path + ".missing"])
        self.assertEqual((status, out), (66, ""))
        self.assertIn("walks.py:", err)

    def test_a_closed_pipe_ends_it_quietly(self):
        # The reader has gone before walks.py writes (as `walks.py LOG | head` once head has its lines): no traceback.
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "walks.py")
        process = subprocess.Popen([sys.executable, script, self.path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        process.stdout.close()
        err = process.stderr.read()
        process.wait()
        process.stderr.close()
        self.assertEqual(err, b"")

    def test_no_log_prints_the_usage_and_exits_64(self):
        status, out, err = run_main(["walks.py"])
        self.assertEqual((status, out), (64, ""))
        self.assertIn("Markdown table", err)


if __name__ == "__main__":
    unittest.main()
