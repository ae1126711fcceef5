import type { FastifyReply } from 'fastify';
import { pageHeaders } from './page-route.decorator';

/** Sends a page with its status: the answer of a form post that has to be shown again. */
export function sendPage(reply: FastifyReply, csp: string, status: number, html: string): void {
  pageHeaders(reply, csp);
  reply.status(status).header('Content-Type', 'text/html; charset=utf-8').send(html);
}

/** 303 See Other: after a form post the browser GETs the next page, so reloading it posts nothing twice. */
export function seeOther(reply: FastifyReply, location: string): void {
  reply.status(303).header('Location', location).send();
}
