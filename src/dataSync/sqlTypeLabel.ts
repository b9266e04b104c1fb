// A column type as a DBA writes it. Data Sync's schema gives `dataType` plus `dataSize`, and `dataSize` is
// the storage size for fixed-size types (`int` → "4", `datetime2` → "8", `hierarchyid` → "892"), so
// printing `int(4)` would be wrong SQL. A length belongs only to character and binary types (-1 = max);
// precision and scale are shown only when the source gives them.

const LENGTH_TYPES = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'binary', 'varbinary']);
const PRECISION_SCALE_TYPES = new Set(['decimal', 'numeric']);
const FRACTIONAL_SECONDS_TYPES = new Set(['datetime2', 'time', 'datetimeoffset']);

export interface TypeFacts {
  dataType?: string;
  dataSize?: string | number;
  precision?: number;
  scale?: number;
}

export function sqlTypeLabel({ dataType, dataSize, precision, scale }: TypeFacts): string {
  const type = (dataType ?? '').trim();
  if (!type) return '?';
  const key = type.toLowerCase();
  if (LENGTH_TYPES.has(key)) {
    const size = String(dataSize ?? '').trim();
    if (/^(-1|max)$/i.test(size)) return `${type}(max)`;
    return /^\d+$/.test(size) ? `${type}(${size})` : type;
  }
  if (PRECISION_SCALE_TYPES.has(key) && precision !== undefined) return `${type}(${precision},${scale ?? 0})`;
  if (FRACTIONAL_SECONDS_TYPES.has(key) && scale !== undefined) return `${type}(${scale})`;
  return type;
}
