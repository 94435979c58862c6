// The Meeting SDK client view, as zoom/meetingsdk-web-sample CDN/js/meeting.js joins.
"use strict";
window.addEventListener("DOMContentLoaded", async function () {
  const args = e2eArgs();
  // The SDK's own files (wasm, workers, languages) from this server, not from source.zoom.us.
  ZoomMtg.setZoomJSLib(window.location.origin + "/sdk/meetingsdk/dist/lib", "/av");
  ZoomMtg.preLoadWasm();
  ZoomMtg.prepareWebSDK();
  const signature = await e2eSignature(args, "/zoom/signature",
                                       { meetingNumber: args.mn, role: args.role });
  if (signature === null) return;
  const options = e2eJoinOptions({
    meetingNumber: args.mn,
    userName: args.name || "zoomsig e2e",
    signature: signature,
    userEmail: "",
    passWord: args.pwd || "",
    success: function (res) { e2eFinish("join-success", res); },
    error: function (res) { e2eFinish("join-error", res); },
  }, args);
  ZoomMtg.i18n.load("en-US");
  ZoomMtg.i18n.onLoad(function () {
    ZoomMtg.init({
      leaveUrl: window.location.origin + "/e2e/left.html",
      disableCORP: !window.crossOriginIsolated,
      success: function (res) {
        e2eRecord("init-success", res);
        ZoomMtg.join(options);
      },
      error: function (res) { e2eFinish("init-error", res); },
    });
  });
});
