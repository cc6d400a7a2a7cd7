import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
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
  page(@Res() response: Response): void {
    send(response, this.assets.get('index.html'));
  }

  @Get('dashboard/:file')
  file(@Param('file') file: string, @Res() response: Response): void {
    send(response, this.assets.get(file));
  }
}

function send(response: Response, asset: DashboardAsset | undefined): void {
  if (!asset) throw new NotFoundException();
  response
    .status(200)
    .setHeader('Content-Security-Policy', DASHBOARD_CSP)
    .setHeader('Cache-Control', asset.cacheControl)
    .type(asset.contentType)
    .send(asset.body);
}
