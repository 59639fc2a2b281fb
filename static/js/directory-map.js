/* The directory's map: progressive enhancement over the list (which works without it).
 * Reads the GeoJSON of the current filters (data-geojson), clusters the markers, and links
 * each marker to its profile. OpenStreetMap tiles are the only external resource. */
(function () {
  "use strict";
  function start() {
    var element = document.getElementById("directory-map");
    if (!element || typeof L === "undefined" || !L.markerClusterGroup) return;
    var wrap = element.closest("[data-map-wrap]");
    if (wrap) wrap.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false });
    // Leaflet's own credit carries an English tooltip; keep the credit, in no language.
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    // The Oriental region (Saïdia to Figuig).
    var region = L.latLngBounds([31.2, -4.1], [35.35, -1.0]);
    map.fitBounds(region);
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: element.dataset.attribution,
    }).addTo(map);
    var cluster = L.markerClusterGroup({ showCoverageOnHover: false });
    fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("GeoJSON " + response.status);
        return response.json();
      })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          onEachFeature: function (feature, marker) {
            var p = feature.properties;
            var box = document.createElement("div");
            var link = document.createElement("a");
            link.href = p.url;
            link.textContent = p.name;
            link.className = "fw-semibold";
            box.appendChild(link);
            var meta = document.createElement("div");
            meta.className = "small text-muted";
            meta.textContent = p.kind_label + (p.province ? " · " + p.province : "");
            box.appendChild(meta);
            if (p.headline) {
              var line = document.createElement("div");
              line.className = "small";
              line.textContent = p.headline;
              box.appendChild(line);
            }
            marker.bindPopup(box);
            marker.options.title = p.name;
            marker.options.alt = p.name;
          },
        });
        cluster.addLayer(layer);
        map.addLayer(cluster);
        if (data.features.length) {
          map.fitBounds(cluster.getBounds(), { maxZoom: 12, padding: [24, 24] });
        } else {
          var note = document.createElement("p");
          note.className = "directory-map-empty";
          note.textContent = element.dataset.empty;
          element.appendChild(note);
        }
      })
      .catch(function () {
        if (wrap) wrap.hidden = true;
      });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
