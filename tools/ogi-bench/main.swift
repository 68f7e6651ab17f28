import OGIReport

// Benchmark harness (run with `swift run -c release ogi-bench`): filled in later.
print("concepts:", ConceptTable.all.count)
