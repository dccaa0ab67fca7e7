import ArgumentParser
import CohortWeb
print("cohort")
