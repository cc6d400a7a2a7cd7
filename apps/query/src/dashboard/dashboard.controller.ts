import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DASHBOARD_CSP } from './content-security-policy';
import { DashboardAsset, DashboardAssets } from './dashboard-assets';

/**
 * The bureau dashboard (数字驾驶舱): static files only. The page needs no token to load; it calls
 * the guarded /v1 API with the token it was opened with, so every figure it shows is scoped there.
 */
@ApiExcludeController()
@Controller()
export class DashboardController {
  constructor(private readonly assets: DashboardAssets) {}

  @Get(['', 'dashboard'])
  page(@Res() response: FastifyReply): void {
    send(response, this.assets.get('index.html'));
  }

  @Get('dashboard/:file')
  file(@Param('file') file: string, @Res() response: FastifyReply): void {
    send(response, this.assets.get(file));
  }
}

function send(response: FastifyReply, asset: DashboardAsset | undefined): void {
  if (!asset) throw new NotFoundException();
  response.code(200).header('Content-Security-Policy', DASHBOARD_CSP).header('Cache-Control', asset.cacheControl).type(asset.contentType).send(asset.body);
}
