#!/usr/bin/python3
"""The work of `sozialraum index`, done with pandas, for the side-by-side benchmark (bench/index-command.bench.ts).

Reads the CSV, keeps rows whose valid column holds the valid value, standardises each indicator (unweighted mean,
population SD: ddof=0, as Berlin MSS), sums the z-values, standardises the sum again, assigns the Berlin MSS status
classes and writes id,sum,index,class (only valid rows, input order).

Run: /usr/bin/python3 bench/pandas_index.py <in.csv> <out.csv> <id> <c1,c2,...> <valid_column> <valid_value> [german]
With "german" the file is read as German offices publish it: sep=";", decimal=",", thousands="." (UTF-8 with BOM).
"""
import sys

import numpy as np
import pandas as pd


def main() -> None:
    src, out, id_col, indicators, valid_col, valid_value = sys.argv[1:7]
    german = sys.argv[7:8] == ["german"]
    cols = indicators.split(",")
    fmt = {"sep": ";", "decimal": ",", "thousands": "."} if german else {}
    df = pd.read_csv(src, usecols=[id_col, valid_col, *cols], dtype={id_col: str, valid_col: str}, **fmt)
    df = df[(df[valid_col] == valid_value) & df[cols].notna().all(axis=1)]
    x = df[cols].to_numpy(dtype=np.float64)
    z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=0)
    total = z.sum(axis=1)
    index = (total - total.mean()) / total.std(ddof=0)
    klass = np.select(
        [index < -1, index <= 1, index <= 1.5],
        ["hoch", "mittel", "niedrig"],
        default="sehr niedrig",
    )
    pd.DataFrame({"id": df[id_col].to_numpy(), "sum": total, "index": index, "class": klass}).to_csv(out, index=False)


if __name__ == "__main__":
    main()
