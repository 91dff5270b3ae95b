// English strings for the engine's safety net (src/engine/budget.ts) as the Results panel shows it.
export const reliability = {
  'reliability.stoppedEvents': 'The run was stopped early at {time} ms: it reached the engine\'s budget of {limit} events and would have gone on too long. Lower the rates or the stop time, or look for a loop.',
  'reliability.stoppedCopies': 'The run was stopped early at {time} ms: more than {limit} message copies were in flight at once (the engine\'s budget), so it would have grown without bound. Look for a loop that multiplies copies, or a queue that is never read.',
};
