import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TIMES } from './metrics.builders';
import { StatusStrip } from './status-strip';

describe('StatusStrip', () => {
  let fixture: ComponentFixture<StatusStrip>;

  beforeEach(() => {
    fixture = TestBed.createComponent(StatusStrip);
    fixture.componentRef.setInput('time', TIMES);
  });

  const element = () => fixture.nativeElement as HTMLElement;
  const bands = () => [...element().querySelectorAll<HTMLElement>('.band')];

  describe('with samples', () => {
    beforeEach(() => {
      fixture.componentRef.setInput('status', ['OK', 'OK', 'STALL', null]);
      fixture.detectChanges();
    });

    it('draws one band per stretch of one status, as wide as it lasted', () => {
      const colours = bands().map((band) => [...band.classList].find((name) => name.startsWith('status-')));
      expect(colours).toEqual(['status-OK', 'status-STALL', 'status-none']);
      expect(bands().map((band) => band.style.width)).toEqual(['50%', '25%', '25%']);
    });

    it('keys the colours it uses', () =>
      expect([...element().querySelectorAll('.key li')].map((item) => item.textContent?.trim())).toEqual(['OK', 'STALL']));
  });

  describe('without samples', () => {
    it('says when the first comes', () => {
      fixture.componentRef.setInput('status', [null, null, null, null]);
      fixture.detectChanges();

      expect(element().textContent).toContain('No status yet');
      expect(bands()).toEqual([]);
    });
  });
});
