/**
 * helper.DefaultNormalizeScore (pkg/scheduler/framework/plugins/helper/normalize_score.go):
 * scale scores so the highest becomes maxPriority (integer division), optionally reversed
 * (maxPriority - score). If every score is 0: reversed → all maxPriority, otherwise unchanged.
 */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: Float64Array): void {
  let maxCount = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > maxCount) maxCount = scores[i];
  if (maxCount === 0) {
    if (reverse) for (let i = 0; i < scores.length; i++) scores[i] = maxPriority;
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let score = Math.trunc((maxPriority * scores[i]) / maxCount);
    if (reverse) score = maxPriority - score;
    scores[i] = score;
  }
}
