import { MIN_REPS_FOR_MEDIAN } from "@/db/queries/trends/rep-weeks";

export const MIN_REPS_FOR_MEDIAN_TEXT = `it shows for weeks in which at least ${MIN_REPS_FOR_MEDIAN} reps had calls, so no one rep's figures can be worked out from it.`;
