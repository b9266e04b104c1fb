import { strict as assert } from 'node:assert';
import { splitQuotedName } from '../../../src/migration/workflows/quotedNames';

describe('quoted two-part names', () => {
  it('splits [schema].[table], undoubling ]] inside names', () => {
    assert.deepEqual(splitQuotedName('[dbo].[Order Details]'), { schema: 'dbo', table: 'Order Details' });
    assert.deepEqual(splitQuotedName('[we]]ird].[a.b]'), { schema: 'we]ird', table: 'a.b' });
  });
  it('refuses what is not a two-part quoted name', () => {
    for (const bad of ['dbo.Orders', '[dbo]', '[dbo].[x].[y]', '[dbo].', '[dbo].[unterminated', '[dbo]x[y]', ''])
      assert.equal(splitQuotedName(bad), undefined, bad);
  });
});
