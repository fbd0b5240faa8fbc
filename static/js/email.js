// Progressive enhancement: turns "info(at)example(dot)de" into a mailto link. Without JavaScript the
// readable text stays; address harvesters that do not run scripts never see a plain address.
(function () {
    "use strict";
    var nodes = document.querySelectorAll("[data-obfuscated-email]");
    Array.prototype.forEach.call(nodes, function (node) {
        var address = node.textContent.trim().replace(/\(at\)/g, "@").replace(/\(dot\)/g, ".");
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
            return;
        }
        var link = document.createElement("a");
        link.href = "mailto:" + address;
        link.textContent = address;
        node.replaceWith(link);
    });
})();
