/* global document, requestAnimationFrame */
/*
 * Loads a server-rendered page's scripts once its HTML has painted (apps/server/src/http/site/
 * public-shell.ts puts this file in place of the module script and its preloads). Requested while
 * the page parses, they would be counted as holding up that paint; asked for afterwards, the
 * page reads at once and React hydrates it when they arrive.
 */
;(function () {
  var me = document.currentScript
  if (!me) return
  var entry = me.getAttribute('data-entry')
  var preloads = (me.getAttribute('data-preload') || '').split(' ').filter(Boolean)
  var done = false
  function preload(href) {
    var link = document.createElement('link')
    link.rel = 'modulepreload'
    link.crossOrigin = ''
    link.href = href
    document.head.appendChild(link)
  }
  function load() {
    if (done || !entry) return
    done = true
    var script = document.createElement('script')
    script.type = 'module'
    script.crossOrigin = ''
    script.src = entry
    document.head.appendChild(script)
    // The entry's imports, two per task: inserted all at once (about 20), they made one task of
    // 20-40 ms on a slow phone, and four at a time still 18 ms (each insertion starts a request
    // synchronously). They are all asked for long before the entry arrives and names them.
    var next = 0
    ;(function some() {
      preloads.slice(next, next + 2).forEach(preload)
      next += 2
      if (next < preloads.length) setTimeout(some, 0)
    })()
  }
  // Once the first paint has reached the screen (its paint entry arrives after presentation; a
  // frame's requestAnimationFrame comes before it, and scripts asked for then were still counted as
  // holding the paint up). A tab in the background paints nothing, hence the timer.
  var paintTiming = typeof PerformanceObserver === 'function' && (PerformanceObserver.supportedEntryTypes || []).indexOf('paint') >= 0
  if (paintTiming) {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return
      observer.disconnect()
      setTimeout(load, 0)
    }).observe({ type: 'paint', buffered: true })
  } else {
    requestAnimationFrame(function () {
      setTimeout(load, 0)
    })
  }
  setTimeout(load, 3000)
})()
