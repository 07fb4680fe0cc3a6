import { MiB } from './advisor-words';

/** The class the fix names; the operator moves it to their own package. */
export const CONFIG_SETTER_CLASS = 'com.example.streams.BoundedMemoryRocksDBConfig';

/**
 * The fix of the RocksDB lesson: the `rocksdb.config.setter` line and the class it names, with
 * one LRU block cache of the whole budget shared by every store of the instance, and a
 * write-buffer manager charging memtables (a quarter of it) to that cache, so the budget bounds
 * both. As Kafka Streams' memory management guide puts it:
 * https://kafka.apache.org/44/streams/developer-guide/memory-mgmt/
 */
export function boundedConfigSetter(budgetBytes: number): string {
  const totalMiB = Math.max(1, Math.floor(budgetBytes / MiB));
  const memtableMiB = Math.max(1, Math.floor(totalMiB / 4));
  const simpleName = CONFIG_SETTER_CLASS.slice(CONFIG_SETTER_CLASS.lastIndexOf('.') + 1);
  const packageName = CONFIG_SETTER_CLASS.slice(0, CONFIG_SETTER_CLASS.lastIndexOf('.'));
  return `rocksdb.config.setter=${CONFIG_SETTER_CLASS}

// ${simpleName}.java
package ${packageName};

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/** Every RocksDB store of this instance shares one ${totalMiB} MiB cache; memtables are charged to it. */
public class ${simpleName} implements RocksDBConfigSetter {
  private static final long TOTAL_OFF_HEAP_BYTES = ${totalMiB}L * 1024 * 1024;
  private static final long TOTAL_MEMTABLE_BYTES = ${memtableMiB}L * 1024 * 1024;
  private static final double INDEX_FILTER_BLOCK_RATIO = 0.1;

  private static final Cache CACHE = new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, INDEX_FILTER_BLOCK_RATIO);
  private static final WriteBufferManager WRITE_BUFFER_MANAGER = new WriteBufferManager(TOTAL_MEMTABLE_BYTES, CACHE);

  @Override
  public void setConfig(final String storeName, final Options options, final Map<String, Object> configs) {
    BlockBasedTableConfig tableConfig = (BlockBasedTableConfig) options.tableFormatConfig();
    tableConfig.setBlockCache(CACHE);
    tableConfig.setCacheIndexAndFilterBlocks(true);
    tableConfig.setCacheIndexAndFilterBlocksWithHighPriority(true);
    tableConfig.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFER_MANAGER);
    options.setTableFormatConfig(tableConfig);
  }

  @Override
  public void close(final String storeName, final Options options) {
    // The cache and the write-buffer manager are shared by every store: never closed here.
  }
}
`;
}
