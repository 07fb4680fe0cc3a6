import { wireFormatSchemaId } from '../kafka/wire-format';
import { renderBytes } from './record-rendering';

describe('record rendering', () => {
  describe('renderBytes', () => {
    it('keeps Kafka null apart from an empty value', () => {
      expect(renderBytes(null)).toEqual({ encoding: 'null', text: null, sizeBytes: 0 });
      expect(renderBytes(Buffer.alloc(0))).toEqual({ encoding: 'text', text: '', sizeBytes: 0 });
    });

    it('renders JSON as JSON', () => {
      expect(renderBytes(Buffer.from('{"type":"OrderPlaced"}'))).toEqual({
        encoding: 'json',
        text: '{"type":"OrderPlaced"}',
        sizeBytes: 22,
      });
    });

    it('renders text that only starts like JSON as text', () => {
      expect(renderBytes(Buffer.from('{not json')).encoding).toBe('text');
      expect(renderBytes(Buffer.from('2026-01-01 order placed')).encoding).toBe('text');
    });

    it('renders UTF-8 text, accents included', () => {
      expect(renderBytes(Buffer.from('Commande passée'))).toEqual(jasmine.objectContaining({ encoding: 'text', text: 'Commande passée' }));
    });

    it('renders bytes that are not text as hex', () => {
      expect(renderBytes(Buffer.from([0xff, 0x00, 0x10]))).toEqual({ encoding: 'hex', text: 'ff0010', sizeBytes: 3 });
    });

    it('renders text with control characters as hex', () => {
      expect(renderBytes(Buffer.from('a\u0001b')).encoding).toBe('hex');
    });

    describe('in the schema-registry wire format', () => {
      it('flags the schema id and renders the Avro payload after the header as hex', () => {
        const avroKey = Buffer.from([0, 0, 0, 0, 7, 0x14, ...Buffer.from('order-1001')]);

        expect(renderBytes(avroKey)).toEqual({ encoding: 'hex', text: '146f726465722d31303031', sizeBytes: 16, schemaId: 7 });
      });

      it('renders a JSON Schema payload as JSON', () => {
        const jsonValue = Buffer.concat([Buffer.from([0, 0, 0, 1, 0]), Buffer.from('{"id":1}')]);

        expect(renderBytes(jsonValue)).toEqual({ encoding: 'json', text: '{"id":1}', sizeBytes: 13, schemaId: 256 });
      });
    });
  });

  describe('wireFormatSchemaId', () => {
    it('is undefined for a big-endian long, whose id would be 0', () =>
      expect(wireFormatSchemaId(Buffer.from([0, 0, 0, 0, 0, 0, 0, 42]))).toBeUndefined());

    it('is undefined for fewer than five bytes', () => expect(wireFormatSchemaId(Buffer.from([0, 0, 0, 1]))).toBeUndefined());
  });
});
