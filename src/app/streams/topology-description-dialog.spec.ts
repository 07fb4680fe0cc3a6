import { Component } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog, MatDialogState, type MatDialogRef } from '@angular/material/dialog';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { requestSoon } from '../shared/spec-waits';
import { aStreamsAppDetail, aTopologyDescription, DESCRIBED_TOPOLOGY } from './streams.builders';
import type { StreamsAppDetail } from './streams.model';
import { TopologyDescriptionDialog, type TopologyDescriptionData } from './topology-description-dialog';
import { TopologyDescriptionDialogHarness } from './topology-description.harness';

/** A host to find the overlay container from; the dialog renders outside any component. */
@Component({ template: '' })
class Host {}

describe('TopologyDescriptionDialog', () => {
  const url = '/api/clusters/local/streams-apps/order-enricher/topology-description';
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let dialogRef: MatDialogRef<TopologyDescriptionDialog, StreamsAppDetail>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    loader = TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));
  });
  afterEach(() => http.verify());

  function open(text?: string): Promise<TopologyDescriptionDialogHarness> {
    dialogRef = TestBed.inject(MatDialog).open<TopologyDescriptionDialog, TopologyDescriptionData, StreamsAppDetail>(
      TopologyDescriptionDialog,
      { data: { cluster: 'local', applicationId: 'order-enricher', text } },
    );
    return loader.getHarness(TopologyDescriptionDialogHarness);
  }

  describe('adding a description', () => {
    let dialog: TopologyDescriptionDialogHarness;
    beforeEach(async () => (dialog = await open()));

    it('asks for the output, saying how to get it', async () => {
      expect(await dialog.getTitle()).toBe("Add the app's description");
      expect(await dialog.getLabel()).toBe('Topology#describe() output');
      expect(await dialog.getHint()).toContain('System.out.println(topology.describe())');
      expect(await dialog.getText()).toBe('');
    });

    it('waits for a text', async () => {
      expect(await dialog.isSaveDisabled()).toBeTrue();

      await dialog.setText('  ');
      expect(await dialog.isSaveDisabled()).toBeTrue();
    });

    it('puts the text as pasted and closes with the app as it now stands', async () => {
      const saved = aStreamsAppDetail({ topologyDescription: aTopologyDescription() });
      const closed = jasmine.createSpy('closed');
      dialogRef.afterClosed().subscribe(closed);
      await dialog.setText(DESCRIBED_TOPOLOGY);

      const saving = dialog.save();
      const request = await requestSoon(http, url);
      expect(request.request.method).toBe('PUT');
      expect(request.request.body).toEqual({ text: DESCRIBED_TOPOLOGY });
      request.flush(saved);
      await saving;

      expect(closed).toHaveBeenCalledOnceWith(saved);
    });

    describe('when the server refuses the text', () => {
      it('says why in its words and stays open', async () => {
        await dialog.setText('Topology: none');

        const saving = dialog.save();
        (await requestSoon(http, url)).flush(
          {
            error: {
              code: 'TOPOLOGY_DESCRIPTION_INVALID',
              message: 'This is not a Topology#describe() output: it starts with no "Topologies:"',
            },
          },
          { status: 400, statusText: 'Bad Request' },
        );
        await saving;

        expect(await dialog.getError()).toBe('This is not a Topology#describe() output: it starts with no "Topologies:"');
        expect(dialogRef.getState()).toBe(MatDialogState.OPEN);
        expect(await dialog.getText()).toBe('Topology: none');
        expect(await dialog.isSaveDisabled()).toBeFalse();
      });
    });
  });

  describe('replacing a description', () => {
    it('starts from the text given', async () => {
      const dialog = await open(DESCRIBED_TOPOLOGY);

      expect(await dialog.getTitle()).toBe("Replace the app's description");
      expect(await dialog.getText()).toBe(DESCRIBED_TOPOLOGY);
    });
  });
});
