"""Write tests/fixtures/registry-v1.sqlite: a registry as version 1 of the schema stored it.

Kept as a committed binary so the migration test opens a real old file; this script
documents how it was made and can remake it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from honours.core.sqlite.database import APPLICATION_ID, split_sql
from honours.core.sqlite.schema import V1_SQL

TARGET = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "registry-v1.sqlite"


def main() -> None:
    TARGET.unlink(missing_ok=True)
    conn = sqlite3.connect(TARGET)
    for statement in split_sql(V1_SQL):
        conn.execute(statement)
    stamp = "2020-03-01T09:00:00+08:00"
    conn.execute(
        "INSERT INTO honouree (id, name, gender, age, unit, position, region, category, status,"
        " source_report, source_sentence, created_at, updated_at) VALUES"
        " (1, '宋英杰', '男', '28', '衡阳县东湖镇马迹卫生院', '药剂组副组长', '衡阳县', 'medical',"
        " 'deceased', '000_5bb5760426d0996f.txt', '连续奋战10天，因公殉职的衡阳县东湖镇马迹卫生院药剂组副组长宋英杰', ?, ?)",
        (stamp, stamp),
    )
    conn.execute(
        "INSERT INTO honouree (id, name, unit, position, category, status, created_at, updated_at)"
        " VALUES (2, '许仲秋', '湘油泵', '董事长', 'model worker', 'active', ?, ?)",
        (stamp, stamp),
    )
    conn.execute(
        "INSERT INTO honour (honouree_id, position, title, level, awarded_by, posthumous)"
        " VALUES (1, 0, '衡阳市五一劳动奖章', 'municipal', '衡阳市总工会', 1)"
    )
    conn.execute(
        "INSERT INTO honour (honouree_id, position, title, level) VALUES (2, 0, '湖南省劳动模范', 'provincial')"
    )
    conn.execute("INSERT INTO deed (honouree_id, position, text) VALUES (1, 0, '连续奋战10天')")
    conn.execute(
        "INSERT INTO donation (honouree_id, position, amount_fen, note)"
        " VALUES (2, 0, 50000000, '用于抗击疫情')"
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    print(TARGET)


if __name__ == "__main__":
    main()
