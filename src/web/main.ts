// Dashboard entry: inject the shared look, mount the app.
import { h, render } from "preact";
import "uplot/dist/uPlot.min.css";
import { App } from "./app.js";
import { dashboardCss, sharedCss } from "./theme.js";

const style = document.createElement("style");
// textContent, not innerHTML: the stylesheet is ours, but the habit keeps markup out.
style.textContent = sharedCss + dashboardCss;
document.head.append(style);
const root = document.getElementById("app");
if (root) render(h(App, null), root);
