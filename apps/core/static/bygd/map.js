/* The map beside a listing (bygd/includes/map.html): markers for the listing's filtered result,
 * read from the API's GeoJSON with the same filters, clustered where they crowd. Each marker is
 * focusable (Tab); Enter or a click opens a popup whose link, focused at once, leads to the page,
 * and Enter on a cluster opens it.
 * The list stays the text form: without JavaScript the map is never shown, and what the map
 * leaves out (results without a place, pages past MAX_PAGES) is said in its status line. */
(function () {
  "use strict";

  var MAX_PAGES = 10;

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_match, name) {
      return String(values[name]);
    });
  }

  function popupContent(properties) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.title;
    box.appendChild(link);
    var detail = properties.start || (properties.places || []).join(", ");
    if (detail) {
      var meta = document.createElement("p");
      meta.textContent = detail;
      box.appendChild(meta);
    }
    return box;
  }

  function markersOf(feature) {
    var geometry = feature.geometry;
    if (!geometry || !feature.properties.url) {
      return [];
    }
    var points = geometry.type === "Point" ? [geometry.coordinates] : geometry.coordinates;
    return points.map(function (point) {
      var marker = L.marker([point[1], point[0]], {
        title: feature.properties.title,
        alt: feature.properties.title,
        keyboard: true
      });
      marker.bindPopup(popupContent(feature.properties));
      return marker;
    });
  }

  function load(url, features, pages) {
    return fetch(url, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (body) {
        var all = features.concat(body.features);
        if (body.next && pages + 1 < MAX_PAGES) {
          return load(body.next, all, pages + 1);
        }
        return { features: all, count: body.count };
      });
  }

  function show(section) {
    var data = section.dataset;
    var status = section.querySelector(".result-map-status");
    section.hidden = false;
    status.textContent = data.textLoading;
    var map = L.map(section.querySelector(".result-map-canvas"), { scrollWheelZoom: false });
    map.setView([60, 15], 4);
    L.tileLayer(data.tileUrl, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
    map.on("popupopen", function (event) {
      var link = event.popup.getElement().querySelector("a[href]");
      if (link) {
        link.focus();
      }
    });
    load(data.geojsonUrl, [], 0)
      .then(function (result) {
        var cluster = L.markerClusterGroup({ showCoverageOnHover: false });
        // A cluster's icon takes focus like a marker; Enter opens it as a click does
        // (zoom in, or spread out markers that share a place).
        cluster.on("clusterkeypress", function (event) {
          if (event.originalEvent.key === "Enter") {
            event.layer.fire("click", { originalEvent: event.originalEvent }, true);
          }
        });
        var placed = 0;
        var markers = 0;
        result.features.forEach(function (feature) {
          var made = markersOf(feature);
          placed += made.length ? 1 : 0;
          markers += made.length;
          made.forEach(function (marker) {
            cluster.addLayer(marker);
          });
        });
        map.addLayer(cluster);
        if (markers) {
          map.fitBounds(cluster.getBounds(), {
            paddingTopLeft: [24, 48],
            paddingBottomRight: [24, 24],
            maxZoom: 10
          });
        }
        section.dataset.markers = String(markers);
        var parts = [format(data.textShown, { shown: placed, total: result.count })];
        if (result.features.length < result.count) {
          parts.push(format(data.textCapped, { shown: result.features.length }));
        }
        if (placed < result.features.length) {
          parts.push(format(data.textUnplaced, { count: result.features.length - placed }));
        }
        status.textContent = parts.join(" ");
      })
      .catch(function () {
        section.dataset.markers = "0";
        status.textContent = data.textFailed;
      });
  }

  function start() {
    if (!window.L || !window.fetch) {
      return;
    }
    document.querySelectorAll("[data-result-map]").forEach(show);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
