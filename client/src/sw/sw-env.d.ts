/** What workbox's injectManifest puts in place of self.__WB_MANIFEST at build time. */
declare global {
  interface ServiceWorkerGlobalScope {
    __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
  }
}

export {};
