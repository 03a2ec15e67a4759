// A recording: the program and its recorded runs (one, or two policies side by side).

import { RecordingVersion, type RecordedRun, type Recording } from '../format.js';

export function makeRecording(file: string, source: string, command: string, runs: RecordedRun[]): Recording {
  return { version: RecordingVersion, file, source, command, runs };
}
