"""Schemathesis hooks of the fuzz run in `npm test` (see run-schemathesis.ts)."""

import schemathesis

# Partition counts up to Kafka's limit (10,000 a request) are valid input, but the loaded test
# broker takes seconds to lead each new partition, and reads of the topic meanwhile answer a
# correct 503 KAFKA_UNAVAILABLE ("try again"), which this run would count as a server error.
# So new topics get one or two partitions, and the seeded topic (3 partitions) never grows:
# a partition increase is refused as not one. Counts past the limit go through unchanged, for
# the API to refuse them. The topics specs test partition increases that succeed.
NEW_TOPIC_MAX = 2
SEEDED_PARTITIONS = 3
KAFKA_LIMIT = 10_000


def _whole(value):
    # JSON has one number type: 38639.0 is the whole number 38639 to the API.
    if isinstance(value, float):
        return value.is_integer()
    return isinstance(value, int) and not isinstance(value, bool)


@schemathesis.hook
def before_call(context, case, kwargs):
    body = case.body
    if not isinstance(body, dict):
        return
    partitions = body.get("partitions")
    if _whole(partitions) and NEW_TOPIC_MAX < partitions <= KAFKA_LIMIT:
        body["partitions"] = 1 + int(partitions) % NEW_TOPIC_MAX
    count = body.get("count")
    if _whole(count) and SEEDED_PARTITIONS < count <= KAFKA_LIMIT:
        body["count"] = 1 + int(count) % SEEDED_PARTITIONS
