"""Writes scikit-learn's Wisconsin breast-cancer data as breast_cancer.csv, for the README's own-data example.

Run with Debian's python3-sklearn: /usr/bin/python3 examples/breast_cancer_csv.py
Columns: id (p000 ...), the 30 measurements (spaces in names turned into underscores), diagnosis (benign|malignant).
"""
import csv
import sys

from sklearn.datasets import load_breast_cancer

data = load_breast_cancer()
out = sys.argv[1] if len(sys.argv) > 1 else "breast_cancer.csv"
with open(out, "w", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(["id"] + [name.replace(" ", "_") for name in data.feature_names] + ["diagnosis"])
    for i, (row, target) in enumerate(zip(data.data, data.target)):
        writer.writerow([f"p{i:03d}"] + [repr(float(v)) for v in row] + [data.target_names[target]])
