// Folio default theme: client-side search over the prebuilt search.json index.
// Each entry is { title, url, date, description, text }; every word of the query must match.
;(function () {
  'use strict'
  var form = document.querySelector('.search-form')
  var input = document.getElementById('search-input')
  var status = document.getElementById('search-status')
  var list = document.getElementById('search-results')
  if (!form || !input || !status || !list) return
  var root = form.getAttribute('data-root') || './'
  var entries = null

  function words(text) {
    return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[\p{L}\p{N}]+/gu) || []
  }

  function load() {
    if (entries) return Promise.resolve(entries)
    return fetch(form.getAttribute('data-index')).then(function (response) {
      if (!response.ok) throw new Error('The search index could not be loaded.')
      return response.json()
    }).then(function (data) {
      entries = data.map(function (entry) {
        entry.haystack = words(entry.title + ' ' + entry.description + ' ' + entry.text).join(' ')
        entry.titleWords = words(entry.title).join(' ')
        return entry
      })
      return entries
    })
  }

  function render(query) {
    var terms = words(query)
    list.textContent = ''
    if (terms.length === 0) {
      status.textContent = ''
      return
    }
    load().then(function (all) {
      var hits = all.filter(function (entry) {
        return terms.every(function (term) { return entry.haystack.indexOf(term) !== -1 })
      }).sort(function (a, b) {
        var score = function (entry) {
          return terms.filter(function (term) { return entry.titleWords.indexOf(term) !== -1 }).length
        }
        return score(b) - score(a)
      })
      status.textContent = hits.length === 1 ? '1 article found' : hits.length + ' articles found'
      hits.slice(0, 50).forEach(function (entry) {
        var item = document.createElement('li')
        var link = document.createElement('a')
        link.href = root + entry.url
        link.textContent = entry.title
        item.appendChild(link)
        if (entry.description) {
          var text = document.createElement('p')
          text.textContent = entry.description
          item.appendChild(text)
        }
        list.appendChild(item)
      })
    }).catch(function (err) {
      status.textContent = err.message
    })
  }

  var timer = 0
  input.addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(function () { render(input.value) }, 120)
  })
  form.addEventListener('submit', function (event) {
    event.preventDefault()
    render(input.value)
  })
  var initial = new URLSearchParams(location.search).get('q')
  if (initial) {
    input.value = initial
    render(initial)
  }
})()
