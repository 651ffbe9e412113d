/** Reports how far a long command has got. */
export type StepProgress = (done: number, total: number) => void;

/**
 * A line at every tenth of the way (and at the end), on terminals and in logs alike, so a long
 * import or export never looks hung and a log shows how far an interrupted one got.
 */
export function stepProgress(label: string, stream: NodeJS.WritableStream = process.stderr): StepProgress {
  let shown = -1;
  return (done, total) => {
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (tenth === shown && done !== total) return;
    if (done === total && shown === 10) return;
    shown = tenth;
    stream.write(`${label}: ${done}/${total} (${total === 0 ? 100 : Math.floor((done / total) * 100)}%)\n`);
  };
}
