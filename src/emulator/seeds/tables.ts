// Believable table definitions for the seeds. Some tables are deliberately unsyncable by Data Sync:
// no primary key (PriceHistory, AuditLog) or an unsupported column type (hierarchyid, rowversion, timestamp).
import type { ColumnDef, TableDef } from '../model';

const pk = (name: string, dataType = 'int', dataSize = '4'): ColumnDef => ({ name, dataType, dataSize, isPrimaryKey: true });
const col = (name: string, dataType: string, dataSize: string): ColumnDef => ({ name, dataType, dataSize });
const t = (name: string, columns: ColumnDef[]): TableDef => ({ name, columns });

export const salesTables = (): TableDef[] => [
  t('dbo.Customers', [
    pk('CustomerId'),
    col('Name', 'nvarchar', '200'),
    col('Email', 'nvarchar', '320'),
    col('Country', 'nchar', '2'),
    col('CreatedAt', 'datetime2', '8'),
  ]),
  t('dbo.Orders', [
    pk('OrderId', 'bigint', '8'),
    col('CustomerId', 'int', '4'),
    col('OrderDate', 'datetime2', '8'),
    col('Status', 'varchar', '20'),
    col('Total', 'decimal', '9'),
  ]),
  t('dbo.OrderLines', [
    pk('OrderId', 'bigint', '8'),
    pk('LineNo'),
    col('ProductId', 'int', '4'),
    col('Quantity', 'int', '4'),
    col('UnitPrice', 'money', '8'),
  ]),
  t('dbo.Products', [
    pk('ProductId'),
    col('Sku', 'varchar', '40'),
    col('Name', 'nvarchar', '200'),
    col('CategoryId', 'int', '4'),
    col('ListPrice', 'money', '8'),
    col('Attributes', 'xml', '-1'),
  ]),
  t('dbo.ProductCategories', [pk('CategoryId'), col('Name', 'nvarchar', '100'), col('ParentId', 'int', '4')]),
  t('dbo.Stores', [pk('StoreId'), col('Name', 'nvarchar', '100'), col('Location', 'geography', '-1'), col('OpenedOn', 'date', '3')]),
  t('dbo.Suppliers', [pk('SupplierId', 'uniqueidentifier', '16'), col('Name', 'nvarchar', '200'), col('Phone', 'varchar', '30')]),
  t('dbo.ShipMethods', [pk('ShipMethodId', 'tinyint', '1'), col('Name', 'nvarchar', '50'), col('BaseRate', 'money', '8')]),
  t('dbo.Employees', [
    pk('EmployeeId'),
    col('OrgNode', 'hierarchyid', '892'),
    col('Name', 'nvarchar', '200'),
    col('HireDate', 'date', '3'),
  ]),
  t('dbo.Inventory', [pk('StoreId'), pk('ProductId'), col('OnHand', 'int', '4'), col('RowVer', 'rowversion', '8')]),
  t('dbo.PriceHistory', [col('ProductId', 'int', '4'), col('Price', 'money', '8'), col('ValidFrom', 'datetime2', '8')]),
  t('dbo.AuditLog', [col('At', 'datetime2', '8'), col('UserName', 'sysname', '256'), col('Action', 'nvarchar', '4000')]),
  t('sales.Promotions', [
    pk('PromotionId'),
    col('Name', 'nvarchar', '100'),
    col('Discount', 'decimal', '5'),
    col('StartsOn', 'date', '3'),
    col('EndsOn', 'date', '3'),
  ]),
  t('sales.Regions', [pk('RegionCode', 'char', '3'), col('Name', 'nvarchar', '100'), col('Legacy', 'sql_variant', '8016')]),
];

export const hrTables = (): TableDef[] => [
  t('hr.Departments', [pk('DepartmentId', 'smallint', '2'), col('Name', 'nvarchar', '100'), col('GroupName', 'nvarchar', '100')]),
  t('hr.People', [
    pk('PersonId'),
    col('FirstName', 'nvarchar', '100'),
    col('LastName', 'nvarchar', '100'),
    col('DepartmentId', 'smallint', '2'),
    col('Version', 'timestamp', '8'),
  ]),
  t('hr.Shifts', [
    pk('ShiftId', 'tinyint', '1'),
    col('Name', 'nvarchar', '50'),
    col('StartTime', 'time', '5'),
    col('EndTime', 'time', '5'),
  ]),
  t('hr.PayHistory', [pk('PersonId'), pk('RateChangeDate', 'datetime', '8'), col('Rate', 'money', '8')]),
  t('hr.Candidates', [col('CandidateId', 'int', '4'), col('Resume', 'xml', '-1')]),
];

export const smallTables = (): TableDef[] => [
  t('dbo.Items', [pk('ItemId'), col('Name', 'nvarchar', '100'), col('UpdatedAt', 'datetime2', '8')]),
  t('dbo.Events', [pk('EventId', 'bigint', '8'), col('Kind', 'varchar', '20'), col('Payload', 'nvarchar', '-1')]),
  t('dbo.Staging', [col('Line', 'nvarchar', '-1')]),
];
