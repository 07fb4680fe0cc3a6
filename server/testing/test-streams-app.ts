import { rmSync } from 'node:fs';
import type { Admin } from '../kafka/client';
import { streamsAppFiles, type StreamsApplicationIds, type StreamsAppTopics } from '../local-stack/streams-app';
import { TEST_STACK } from './test-stack';

/**
 * Removes what a spec's own instance of the demo Streams app left on the test stack, once it
 * stopped: its topics and internal topics, its groups, its state and files.
 */
export async function removeSpecStreamsApp(
  admin: Admin,
  app: { applicationIds: StreamsApplicationIds; topics: StreamsAppTopics; instance: string; topologyFiles?: StreamsApplicationIds },
): Promise<void> {
  const ids = Object.values(app.applicationIds);
  const internal = (await admin.listTopics()).filter((topic) => ids.some((id) => topic.startsWith(`${id}-`)));
  for (const topic of [...Object.values(app.topics), ...internal]) await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.deleteGroups({ groups: ids }).catch(() => undefined);
  const files = streamsAppFiles(TEST_STACK.dataDir, app.instance);
  for (const file of [
    files.stateDir,
    files.statusFile,
    files.configFile,
    files.log4jFile,
    files.exporterFile,
    ...Object.values(app.topologyFiles ?? {}),
  ]) {
    rmSync(file, { recursive: true, force: true });
  }
}
