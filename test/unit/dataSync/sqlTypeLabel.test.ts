import assert from 'node:assert/strict';
import { sqlTypeLabel } from '../../../src/dataSync/sqlTypeLabel';

describe('sqlTypeLabel: column types as a DBA writes them', () => {
  it('drops storage sizes of fixed-size types', () => {
    assert.equal(sqlTypeLabel({ dataType: 'int', dataSize: '4' }), 'int');
    assert.equal(sqlTypeLabel({ dataType: 'bigint', dataSize: '8' }), 'bigint');
    assert.equal(sqlTypeLabel({ dataType: 'date', dataSize: '3' }), 'date');
    assert.equal(sqlTypeLabel({ dataType: 'hierarchyid', dataSize: '892' }), 'hierarchyid');
    assert.equal(sqlTypeLabel({ dataType: 'money', dataSize: '8' }), 'money');
  });

  it('keeps the length of character and binary types, -1 as max', () => {
    assert.equal(sqlTypeLabel({ dataType: 'nvarchar', dataSize: '200' }), 'nvarchar(200)');
    assert.equal(sqlTypeLabel({ dataType: 'varbinary', dataSize: '-1' }), 'varbinary(max)');
    assert.equal(sqlTypeLabel({ dataType: 'NVARCHAR', dataSize: 'max' }), 'NVARCHAR(max)');
    assert.equal(sqlTypeLabel({ dataType: 'char', dataSize: 2 }), 'char(2)');
    assert.equal(sqlTypeLabel({ dataType: 'varchar' }), 'varchar');
  });

  it('shows precision and scale only where the source gives them', () => {
    assert.equal(sqlTypeLabel({ dataType: 'decimal', dataSize: '9' }), 'decimal');
    assert.equal(sqlTypeLabel({ dataType: 'decimal', dataSize: '9', precision: 18, scale: 2 }), 'decimal(18,2)');
    assert.equal(sqlTypeLabel({ dataType: 'numeric', precision: 10 }), 'numeric(10,0)');
    assert.equal(sqlTypeLabel({ dataType: 'datetime2', dataSize: '8' }), 'datetime2');
    assert.equal(sqlTypeLabel({ dataType: 'datetime2', dataSize: '8', scale: 7 }), 'datetime2(7)');
  });

  it('says "?" for a column without a type instead of inventing one', () => {
    assert.equal(sqlTypeLabel({ dataSize: '4' }), '?');
  });
});
