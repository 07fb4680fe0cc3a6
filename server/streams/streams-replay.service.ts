import type { OffsetResetService } from '../consumer-groups/offset-reset.service';
import type { OffsetChangeResult } from '../consumer-groups/consumer-group.model';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { StreamsService } from './streams.service';
import type { StreamsReplayCommand, StreamsReplayPreview, StreamsReplayRequest } from './streams.model';

/**
 * Replay of a Kafka Streams app as `kafka-streams-application-reset` does it: every input
 * topic of the app reset with one of the replay modes, refused while members run, on the
 * consumer groups' own preview → confirm → audit → undo path (the app's group is the group
 * reset; the audit log and undo show it as such). The app's internal topics are named for
 * deletion in the preview.
 */
export class StreamsReplayService {
  constructor(
    private readonly streams: StreamsService,
    private readonly resets: OffsetResetService,
  ) {}

  async preview(cluster: ClusterConfig, applicationId: string, request: StreamsReplayRequest): Promise<StreamsReplayPreview> {
    const topics = await this.streams.topicsOf(cluster, applicationId);
    const preview = await this.resets.preview(cluster, applicationId, { ...request, topics: topics.inputs.map((topic) => ({ topic })) });
    return { ...preview, inputTopics: topics.inputs, internalTopics: topics.internal };
  }

  async replay(cluster: ClusterConfig, applicationId: string, command: StreamsReplayCommand): Promise<OffsetChangeResult> {
    const topics = await this.streams.topicsOf(cluster, applicationId);
    return this.resets.reset(cluster, applicationId, { ...command, topics: topics.inputs.map((topic) => ({ topic })) });
  }
}
